// Admin: adds a member to a team, named by email.
import { addToTeamRoute } from '../place-routes';

export const POST = addToTeamRoute('member');
