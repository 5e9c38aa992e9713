/** How to recognise a question type and the shape of a strong answer (from question-types.yaml). */
import type { QuestionTypeView } from '@shared/contract';
import { formatDuration } from '../../lib/format';

export function QuestionTypeGuide({ type }: { type: QuestionTypeView }) {
  return (
    <details className="qt-guide" open>
      <summary>
        How to answer: <strong>{type.title}</strong>
        {type.targetSeconds ? (
          <span className="qt-target"> · aim for about {formatDuration(type.targetSeconds * 1000)}</span>
        ) : null}
      </summary>
      <p className="qt-recognise">
        <span className="qt-label">Recognise it:</span> {type.recognise}
      </p>
      <p className="qt-label">Answer shape</p>
      <ol className="qt-steps">
        {type.answerShape.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
    </details>
  );
}
