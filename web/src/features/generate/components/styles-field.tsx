// Styles: named prompt fragments, built-in and the designer's own, switched on with one click.
import { useState } from 'react';
import { useFormStore } from '@/features/generate/stores/form-store';
import { BUILT_IN_STYLES } from '@/features/generate/utils/styles';
import { inputClass, labelClass, secondaryButtonClass } from './field';

export function StylesField() {
  const customStyles = useFormStore((s) => s.customStyles);
  const activeStyles = useFormStore((s) => s.activeStyles);
  const toggleStyle = useFormStore((s) => s.toggleStyle);
  const addStyle = useFormStore((s) => s.addStyle);
  const removeStyle = useFormStore((s) => s.removeStyle);
  const [name, setName] = useState('');
  const [fragment, setFragment] = useState('');
  const all = [...BUILT_IN_STYLES, ...customStyles];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={`${labelClass} mb-1.5`}>Styles</legend>
      <div className="flex flex-wrap gap-1.5">
        {all.map((style) => {
          const on = activeStyles.includes(style.name);
          return (
            <button
              key={style.name}
              type="button"
              aria-pressed={on}
              title={style.fragment}
              onClick={() => toggleStyle(style.name)}
              className={`rounded-full border px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-violet-500 ${on ? 'border-violet-600 bg-violet-600 text-white' : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'}`}
            >
              {style.name}
            </button>
          );
        })}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">Your own styles</summary>
        <div className="mt-2 flex flex-col gap-2">
          <input aria-label="Style name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
          <input aria-label="Style text" placeholder="Text added to the prompt" value={fragment} onChange={(e) => setFragment(e.target.value)} className={inputClass} />
          <button
            type="button"
            disabled={!name.trim() || !fragment.trim() || BUILT_IN_STYLES.some((s) => s.name === name.trim())}
            onClick={() => {
              addStyle({ name: name.trim(), fragment: fragment.trim() });
              setName('');
              setFragment('');
            }}
            className={`${secondaryButtonClass} self-start`}
          >
            Add style
          </button>
          {customStyles.map((s) => (
            <button key={s.name} type="button" onClick={() => removeStyle(s.name)} className="self-start text-xs text-red-700 hover:underline dark:text-red-400">
              Remove style {s.name}
            </button>
          ))}
        </div>
      </details>
    </fieldset>
  );
}
