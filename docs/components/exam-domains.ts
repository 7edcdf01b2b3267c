import type { Exam, QuizQuestion } from './quiz-question.js';

/**
 * The content domains of each exam, with their weights in the exam guide, and which of the curriculum's
 * concepts (docs/.vitepress/data/curriculum.json) each domain asks about. A question belongs to the domain of
 * its first concept, so a question file lists the concept it is mostly about first.
 * test/docs/exam-session.test.ts checks that every concept has exactly one domain per exam.
 */
export interface Domain {
  id: string;
  name: string;
  /** Percent of the scored questions, from the exam guide. */
  weight: number;
  concepts: string[];
}

export const DOMAINS: Record<Exam, Domain[]> = {
  // SOA-C03 exam guide (AWS Certified CloudOps Engineer – Associate), five domains since September 2025.
  SOA: [
    {
      id: 'monitoring',
      name: 'Monitoring, Logging, Analysis, Remediation, and Performance Optimization',
      weight: 22,
      concepts: ['C05', 'C06', 'C29', 'C42'],
    },
    {
      id: 'reliability',
      name: 'Reliability and Business Continuity',
      weight: 22,
      concepts: ['C08', 'C10', 'C17', 'C26', 'C27', 'C28', 'C36', 'C37', 'C40', 'C44', 'C46', 'C47', 'C49', 'C50', 'C56'],
    },
    {
      id: 'deployment',
      name: 'Deployment, Provisioning, and Automation',
      weight: 22,
      concepts: ['C01', 'C02', 'C03', 'C04', 'C07', 'C09', 'C12', 'C13', 'C14', 'C15', 'C16', 'C19', 'C20', 'C21', 'C23', 'C30', 'C31', 'C32', 'C33', 'C34', 'C38', 'C43', 'C48', 'C51', 'C52', 'C53', 'C54', 'C55'],
    },
    { id: 'security', name: 'Security and Compliance', weight: 16, concepts: ['C24', 'C25', 'C35', 'C41'] },
    { id: 'networking', name: 'Networking and Content Delivery', weight: 18, concepts: ['C11', 'C18', 'C22', 'C39', 'C45'] },
  ],
  SAA: [
    { id: 'secure', name: 'Design Secure Architectures', weight: 30, concepts: ['C24', 'C25', 'C35', 'C41', 'C11'] },
    {
      id: 'resilient',
      name: 'Design Resilient Architectures',
      weight: 26,
      concepts: ['C10', 'C12', 'C13', 'C14', 'C15', 'C16', 'C18', 'C20', 'C22', 'C27', 'C36', 'C39', 'C43', 'C44', 'C46', 'C49', 'C50', 'C51', 'C52', 'C56'],
    },
    {
      id: 'performant',
      name: 'Design High-Performing Architectures',
      weight: 24,
      concepts: ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C09', 'C17', 'C19', 'C21', 'C26', 'C30', 'C31', 'C32', 'C33', 'C34', 'C37', 'C38', 'C40', 'C42', 'C45', 'C47', 'C48', 'C53', 'C54', 'C55'],
    },
    { id: 'cost', name: 'Design Cost-Optimized Architectures', weight: 20, concepts: ['C08', 'C23', 'C28', 'C29'] },
  ],
  DVA: [
    {
      id: 'development',
      name: 'Development with AWS Services',
      weight: 32,
      concepts: ['C01', 'C03', 'C07', 'C08', 'C10', 'C11', 'C17', 'C18', 'C19', 'C20', 'C21', 'C22', 'C23', 'C26', 'C27', 'C28', 'C29', 'C30', 'C31', 'C32', 'C36', 'C37', 'C38', 'C39', 'C40', 'C43', 'C44', 'C45', 'C46', 'C47', 'C48', 'C49', 'C53', 'C54', 'C56'],
    },
    { id: 'security', name: 'Security', weight: 26, concepts: ['C24', 'C25', 'C35', 'C41'] },
    { id: 'deployment', name: 'Deployment', weight: 24, concepts: ['C02', 'C04', 'C09', 'C12', 'C13', 'C14', 'C15', 'C16', 'C33', 'C34', 'C51', 'C52', 'C55'] },
    { id: 'troubleshooting', name: 'Troubleshooting and Optimization', weight: 18, concepts: ['C05', 'C06', 'C42', 'C50'] },
  ],
};

/** The domain of `exam` a question belongs to: that of its first concept (the first domain if none is mapped). */
export function domainOf(question: Pick<QuizQuestion, 'concepts'>, exam: Exam): Domain {
  const domains = DOMAINS[exam];
  for (const concept of question.concepts) {
    const domain = domains.find((d) => d.concepts.includes(concept));
    if (domain) return domain;
  }
  return domains[0];
}
