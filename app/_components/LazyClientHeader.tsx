'use client';
// The top bar for the page-not-found page, fetched only when that page shows. Next sends the root
// not-found boundary's client code with every page, so a header imported there directly put a
// second copy of the navigation, sign-out and API client into every page's first load.
import dynamic from 'next/dynamic';

export const LazyClientHeader = dynamic(() => import('./ClientHeader').then((m) => m.ClientHeader));
