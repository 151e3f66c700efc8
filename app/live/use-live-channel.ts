// Browser side of live updates: one websocket to /live, subscribed to one channel. The page
// renders the state it loaded with first, so it works without JavaScript; this only refreshes it.
import { useEffect, useState } from "react";

const RECONNECT_DELAY_MS = 2_000;
const MAX_RECONNECTS = 20;

export type LiveStatus = "connecting" | "open" | "closed";

export function useLiveChannel<T>(channel: string, initial: T): { state: T; status: LiveStatus } {
  const [state, setState] = useState<T>(initial);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(`${protocol}//${window.location.host}/live`);
      socket.addEventListener("open", () => socket?.send(JSON.stringify({ subscribe: channel })));
      socket.addEventListener("message", (event) => {
        const message = JSON.parse(String(event.data)) as { subscribed?: string; channel?: string; state?: T };
        if (message.subscribed === channel) {
          attempts = 0;
          setStatus("open");
        }
        if (message.channel === channel && message.state !== undefined) setState(message.state);
      });
      socket.addEventListener("close", () => {
        setStatus("closed");
        if (!stopped && attempts++ < MAX_RECONNECTS) timer = setTimeout(connect, RECONNECT_DELAY_MS);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [channel]);
  return { state, status };
}
