// events.js reads a payment's server-sent events with fetch, so the request carries the access token in its
// Authorization header (EventSource cannot send one).
import { bearer, refresh } from "./api.js";

// follow calls onEvent({name, data}) for each event of the stream at path until it ends or signal aborts.
export async function follow(path, onEvent, signal) {
  let res = await open(path, signal);
  if (res.status === 401 && (await refresh()) === true) res = await open(path, signal);
  if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let cut;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length) onEvent({ name, data: JSON.parse(data.join("\n")) });
    }
  }
}

function open(path, signal) {
  const headers = { Accept: "text/event-stream" };
  const token = bearer();
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { headers, signal, cache: "no-store" });
}
