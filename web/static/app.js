function e(t){t.querySelector("main").querySelector(".app-loading")?.remove()}e(document.getElementById("app"));
