// For tests of launches: the refusal code a launch step threw, or 'accepted'.
import { LaunchRefusal } from './refusal';

export async function refusalOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (e instanceof LaunchRefusal) return e.code;
    throw e;
  }
}
