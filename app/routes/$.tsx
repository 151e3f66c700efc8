import { json } from "@remix-run/node";

// Any address no other route matches: the error boundary shows "Page not found".
export async function loader() {
  throw json({ message: "Page not found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
