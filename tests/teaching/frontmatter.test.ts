/** The teaching frontmatter schema: the rules that stop an inconsistent lesson plan. */
import { describe, expect, it } from 'vitest';
import { TeachingFrontmatterSchema as teachingFrontmatter } from '../../src/study/schemas/prose.ts';

const base = { title: 'A plan', description: 'One class.', order: 2, kind: 'lesson-plan' };

describe('teaching frontmatter', () => {
  it('accepts a page without the optional teaching fields and fills their defaults', () => {
    const data = teachingFrontmatter.parse({ ...base, kind: 'module' });
    expect(data).toMatchObject({ objectives: [], questions: [], activities: [], rubric: [] });
    expect(data.minutes).toBeUndefined();
  });

  it('names the sums when the activities do not add up to the class time', () => {
    const result = teachingFrontmatter.safeParse({
      ...base,
      minutes: 50,
      activities: [
        { title: 'Set-up', minutes: 5 },
        { title: 'Groups', minutes: 40 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['activities'], message: 'The activities add up to 45 minutes but `minutes` is 50: make them agree.' })]);
  });

  it('refuses a rubric without the task it marks', () => {
    const rubric = [
      {
        criterion: 'Specific',
        levels: [
          { label: 'Strong', description: 'Names an action.' },
          { label: 'Not yet', description: 'No action.' },
        ],
      },
    ];
    const result = teachingFrontmatter.safeParse({ ...base, rubric });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['task']]);
    expect(teachingFrontmatter.safeParse({ ...base, rubric, task: 'Write one change.' }).success).toBe(true);
  });

  it('refuses facilitator notes without a model answer or its source', () => {
    const result = teachingFrontmatter.safeParse({ ...base, questions: [{ text: 'Why?', facilitator: { listenFor: ['who laughs'] } }] });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['questions.0.facilitator.modelAnswer', 'questions.0.facilitator.source']);
  });
});
