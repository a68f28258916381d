'use client';
// The chart drawings, fetched after the page renders: the chart library is large, and each chart's numbers are already in the page as a table.
import dynamic from 'next/dynamic';

export const SkillBarsDrawing = dynamic(() => import('./SkillBarsDrawing'), { ssr: false });
export const TrendDrawing = dynamic(() => import('./TrendDrawing'), { ssr: false });
