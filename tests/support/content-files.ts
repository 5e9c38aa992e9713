/** A small valid loop file, for tests that need one good file beside the bad ones. */
export const loopYaml = (id: string) => `kind: loop
id: ${id}
title: Loop ${id}
category: Coding
rounds:
  - questionType: implementation
    prompt: Implement a ring buffer with push and pop.
    budgetSeconds: 300
    expectedPoints: [fixed capacity array]
    followUps:
      - { text: What happens when it is full?, atSeconds: 120 }
`;
