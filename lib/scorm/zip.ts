// The SCORM 1.2 package itself: a manifest, a launch page and its script, zipped; the script finds the LMS's API, opens the trainer in a frame and reports back what the trainer posts to it.
import { strToU8, zipSync } from 'fflate';
import type { Target } from '@/lib/lti/targets';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function manifest(packageId: string, title: string): string {
  const t = escapeXml(title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="empathy-trainer-${packageId}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${t}</title>
      <item identifier="item" identifierref="launch" isvisible="true">
        <title>${t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="launch" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="launch.js"/>
    </resource>
  </resources>
</manifest>
`;
}

function page(title: string): string {
  const t = escapeXml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  #status { margin: 0; padding: 0.4rem 0.75rem; font-size: 0.9rem; background: #eef4f5; color: #1d3a40; }
  #trainer { flex: 1; width: 100%; border: 0; min-height: 600px; }
</style>
</head>
<body>
<p id="status" role="status">Opening ${t}…</p>
<iframe id="trainer" title="${t}" allow="fullscreen"></iframe>
<script src="launch.js"></script>
</body>
</html>
`;
}

/**
 * The launcher. SCORM 1.2 content finds the LMS's \`API\` object in a parent (or opener) window;
 * the trainer, in its own origin, cannot reach it, so it posts its result to this page, which
 * checks the sender and writes status, score and one interaction per decision to the LMS.
 */
function script(config: { trainer: string; token: string; kind: string; id: string }): string {
  return `// Empathy Trainer launcher (SCORM 1.2): opens the trainer for this learner and reports the result to the LMS.
(function () {
  'use strict';
  var CONFIG = ${JSON.stringify(config)};
  var status = document.getElementById('status');
  var frame = document.getElementById('trainer');

  function findApi(win) {
    for (var i = 0; win && i < 12; i++) {
      try { if (win.API) return win.API; } catch (e) { /* another origin: keep climbing */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  if (!api) {
    status.textContent = 'This package has to be opened from a course in your LMS: it could not find the LMS to report to.';
    return;
  }
  api.LMSInitialize('');
  var lessonStatus = api.LMSGetValue('cmi.core.lesson_status');
  if (lessonStatus === '' || lessonStatus === 'not attempted') {
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSCommit('');
  }
  var query = new URLSearchParams({
    token: CONFIG.token,
    student: api.LMSGetValue('cmi.core.student_id') || '',
    name: api.LMSGetValue('cmi.core.student_name') || '',
    origin: window.location.origin,
    // Every page above this one must be allowed to frame the trainer; the LMS's player page may be on another origin than its content.
    ancestors: Array.prototype.slice.call(window.location.ancestorOrigins || []).join(' ')
  });
  frame.src = CONFIG.trainer + '/api/scorm/launch?' + query.toString();
  status.textContent = 'Your result goes to your course when you finish.';

  function recordScenario(d) {
    var before = parseFloat(api.LMSGetValue('cmi.core.score.raw'));
    // The course keeps the best result: a later, weaker attempt is practice, not a regrade.
    if (isNaN(before) || d.score >= before) {
      api.LMSSetValue('cmi.core.score.min', '0');
      api.LMSSetValue('cmi.core.score.max', '100');
      api.LMSSetValue('cmi.core.score.raw', String(d.score));
    }
    if (api.LMSGetValue('cmi.core.lesson_status') !== 'passed') api.LMSSetValue('cmi.core.lesson_status', d.passed ? 'passed' : 'failed');
    var n = parseInt(api.LMSGetValue('cmi.interactions._count'), 10);
    if (isNaN(n)) return;
    (d.decisions || []).forEach(function (x, i) {
      var p = 'cmi.interactions.' + (n + i) + '.';
      if (api.LMSSetValue(p + 'id', 'attempt-' + d.attempt.slice(0, 8) + '-turn-' + x.turn) !== 'true') return;
      api.LMSSetValue(p + 'type', 'fill-in');
      api.LMSSetValue(p + 'student_response', String(x.response).slice(0, 255));
      api.LMSSetValue(p + 'result', x.result);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== CONFIG.trainer || event.source !== frame.contentWindow) return;
    var d = event.data;
    if (!d || d.type !== 'empathy-trainer:result' || d.kind !== CONFIG.kind || d.id !== CONFIG.id) return;
    if (d.kind === 'scenario') recordScenario(d);
    else api.LMSSetValue('cmi.core.lesson_status', 'completed');
    api.LMSCommit('');
    status.textContent = 'Your result was sent to your course.';
  });

  var finished = false;
  window.addEventListener('pagehide', function () {
    if (finished) return;
    finished = true;
    api.LMSFinish('');
  });
})();
`;
}

/** The zip an LMS imports: everything at its root, as SCORM 1.2 expects. */
export function packageZip(input: { packageId: string; token: string; trainer: string; target: Target }): Uint8Array {
  const title = input.target.title;
  return zipSync({
    'imsmanifest.xml': strToU8(manifest(input.packageId, title)),
    'index.html': strToU8(page(title)),
    'launch.js': strToU8(script({ trainer: input.trainer, token: input.token, kind: input.target.kind, id: input.target.id })),
  });
}
