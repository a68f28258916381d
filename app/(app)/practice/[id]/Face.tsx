'use client';
// The simulated customer's face: its expression follows the mood band; a shake when mood drops, a settle when it rises.
import { LazyMotion, domAnimation, m, useReducedMotion } from 'framer-motion';
import { useState } from 'react';
import { moodBand, type MoodBand } from '@/lib/scenario/engine';
import { signed } from '@/lib/format';

// Each band's mouth (a quadratic curve, so shapes animate into each other), brow tilt and eye size.
const looks: Record<MoodBand, { mouth: string; brow: number; eye: number; skin: string }> = {
  furious: { mouth: 'M38 76 Q50 64 62 76', brow: 6, eye: 2.6, skin: '#f3c9b6' },
  upset: { mouth: 'M38 74 Q50 68 62 74', brow: 3, eye: 3, skin: '#f5d3bf' },
  neutral: { mouth: 'M38 72 Q50 72 62 72', brow: 0, eye: 3.2, skin: '#f6d8c4' },
  warm: { mouth: 'M38 70 Q50 78 62 70', brow: -2, eye: 3.2, skin: '#f6d8c4' },
  delighted: { mouth: 'M36 68 Q50 84 64 68', brow: -3, eye: 3.4, skin: '#f7dac6' },
};

export function Face({ mood, name }: { mood: number; name: string }) {
  const band = moodBand(mood);
  const look = looks[band];
  const reduce = useReducedMotion();
  // A reaction plays once per change of mood: noted while rendering, as React recommends
  // for state that follows a prop.
  const [previous, setPrevious] = useState(mood);
  const [nudge, setNudge] = useState<{ key: number; dir: 'down' | 'up' }>({ key: 0, dir: 'up' });
  if (mood !== previous) {
    setPrevious(mood);
    setNudge({ key: nudge.key + 1, dir: mood < previous ? 'down' : 'up' });
  }
  const transition = reduce ? { duration: 0.2 } : { type: 'spring' as const, stiffness: 160, damping: 16 };
  const reaction = reduce || nudge.key === 0 ? {} : nudge.dir === 'down' ? { x: [0, -5, 5, -3, 3, 0] } : { y: [0, -3, 0] };

  return (
    <LazyMotion features={domAnimation} strict>
      <m.svg
        key={nudge.key}
        viewBox="0 0 100 100"
        className="face"
        role="img"
        aria-label={`${name} looks ${band}`}
        animate={reaction}
        transition={{ duration: 0.45 }}
      >
        <m.circle cx="50" cy="52" r="40" animate={{ fill: look.skin }} transition={transition} stroke="#7a5a48" strokeWidth="2" />
        <path d="M14 44 Q20 8 50 10 Q80 8 86 44 Q78 26 50 24 Q22 26 14 44 Z" fill="#4a3426" />
        {/* Brows: the inner ends drop when angry and lift when worried or pleased. */}
        <m.line x1="29" x2="42" y1="38" stroke="#4a3426" strokeWidth="3" strokeLinecap="round" initial={false} animate={{ y2: 38 + look.brow }} transition={transition} />
        <m.line x1="58" x2="71" y2="38" stroke="#4a3426" strokeWidth="3" strokeLinecap="round" initial={false} animate={{ y1: 38 + look.brow }} transition={transition} />
        <m.circle cx="36" cy="50" animate={{ r: look.eye }} transition={transition} fill="#2b2b2b" />
        <m.circle cx="64" cy="50" animate={{ r: look.eye }} transition={transition} fill="#2b2b2b" />
        <m.path animate={{ d: look.mouth }} transition={transition} fill="none" stroke="#7a3b2e" strokeWidth="3.5" strokeLinecap="round" />
      </m.svg>
    </LazyMotion>
  );
}

const bandLabel: Record<MoodBand, string> = { furious: 'Furious', upset: 'Upset', neutral: 'Neutral', warm: 'Warm', delighted: 'Delighted' };

/** Mood from -5 to 5 as a labelled meter: the word and the number, never colour alone. */
export function MoodMeter({ mood }: { mood: number }) {
  const band = moodBand(mood);
  return (
    <div className="mood-meter">
      <span className="mood-label">
        Mood: <strong>{bandLabel[band]}</strong> ({signed(mood)})
      </span>
      <meter min={-5} max={5} low={-2} high={2} optimum={5} value={mood} aria-label="Customer mood from -5 to +5">
        {mood}
      </meter>
    </div>
  );
}
