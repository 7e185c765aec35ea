// The first page: a prompt, Generate, and the image, end to end through the real server.
import { useState, type FormEvent } from 'react';
import { useConfig } from '../features/generate/api/get-config';
import { useGenerateImage } from '../features/generate/api/generate-image';

export function App() {
  const config = useConfig();
  const generate = useGenerateImage();
  const [prompt, setPrompt] = useState('');
  const image = generate.data?.images[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (prompt.trim()) generate.mutate({ prompt });
  };

  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col gap-6 p-6 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <header className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Friendli Image Studio</h1>
        {config.data && (
          <p className="text-sm text-zinc-500">
            {config.data.engine === 'local' ? 'Local engine: an offline preview engine, not an AI model' : 'FriendliAI'}
          </p>
        )}
      </header>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label htmlFor="prompt" className="text-sm font-medium">Prompt</label>
        <textarea
          id="prompt"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          rows={3}
          className="rounded-lg border border-zinc-300 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" disabled={generate.isPending || !prompt.trim()} className="self-start rounded-lg bg-violet-600 px-4 py-2 font-medium text-white disabled:opacity-50">
          {generate.isPending ? 'Generating…' : 'Generate'}
        </button>
      </form>
      {generate.error && <p role="alert" className="text-red-600">{generate.error.message}</p>}
      {image && <img src={image.url} alt={`Generated from: ${prompt}`} width={image.width} height={image.height} className="w-full max-w-2xl rounded-xl" />}
    </main>
  );
}
