// The worker-thread side of the local engine: renders pixels off the main event loop and hands
// the buffer back without copying.
import { Piscina } from 'piscina';
import { render, type RenderInput } from './render';

export default function renderTask(input: RenderInput) {
  return Piscina.move(render(input));
}
