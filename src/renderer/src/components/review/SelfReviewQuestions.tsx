/** The rubric's self-review questions, to think through while listening back. */
export function SelfReviewQuestions({ questions }: { questions: readonly string[] }) {
  if (questions.length === 0) return <p className="muted">The rubric has no self-review questions.</p>;
  return (
    <ol className="self-review-list">
      {questions.map((q, i) => (
        <li key={i}>{q}</li>
      ))}
    </ol>
  );
}
