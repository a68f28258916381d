// Admin: adds a manager to a team, named by email.
import { addToTeamRoute } from '../place-routes';

export const POST = addToTeamRoute('manager');
