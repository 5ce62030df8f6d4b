// Aide: the help page (static text, open without a session), with the menu when someone is signed in.
import { startPage } from './common.js';

await startPage('/aide', { departement: false, open: true });
