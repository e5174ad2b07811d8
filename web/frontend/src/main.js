// The resident app: it starts here, finds the screen for the address and shows it.
import { start } from "./app.js";

start(document.getElementById("app"));
