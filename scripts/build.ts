// `npm run build`: the production build, stamped with the sources it came from.
import { runBuild } from './build-state';

try {
  const ms = runBuild();
  console.log(`Built in ${(ms / 1000).toFixed(1)} s.`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
