// app.js is the resident app's frame: the header with the language switch, the navigation and the main
// area that each screen renders into.
export function start(root) {
  const main = root.querySelector("main");
  main.querySelector(".app-loading")?.remove();
}
