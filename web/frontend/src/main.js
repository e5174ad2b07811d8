// The resident app: it starts here, finds the screen for the address and shows it.
import { start } from "./frame.js";
import { resident } from "./resident.js";

start(document.getElementById("app"), resident);
