/** An address under /console that names no screen. */
import { ConsoleStop } from './console-stop.tsx';

export default function ConsoleNotFoundPage() {
  return <ConsoleStop testId="console-not-found" title="console.notFound.title" body="console.notFound.body" />;
}
