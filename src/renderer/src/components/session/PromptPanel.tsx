/** The round's prompt, as spoken (or, with no voice, to read). */
import './PromptPanel.css';

type Props = { prompt: string; heading: string };

export function PromptPanel({ prompt, heading }: Props) {
  return (
    <section className="prompt-panel" aria-label="Prompt">
      <h3 className="prompt-panel-heading">{heading}</h3>
      <p className="prompt-panel-text">{prompt}</p>
    </section>
  );
}
