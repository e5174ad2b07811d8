// The shop's till: it starts here, finds the screen for the address and shows it.
import { start } from "./frame.js";
import { till } from "./till.js";

start(document.getElementById("app"), till);
