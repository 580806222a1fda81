/**
 * The sections of the monthly Laporan Layanan Informasi, in the report's order. Add a section:
 * write its module (section.ts, ReportSection) and add one line here. Keys are persisted.
 */
import type { ReportSection } from './section.js';
import { consultationsSection } from './sections/consultations.js';
import { channelsSection } from './sections/channels.js';
import { usersSection } from './sections/users.js';
import { topicsSection } from './sections/topics.js';
import { serviceHoursSection } from './sections/service-hours.js';
import { escalationsSection } from './sections/escalations.js';
import { visitsSection } from './sections/visits.js';
import { videoConferencesSection } from './sections/video-conferences.js';
import { knowledgeSection } from './sections/knowledge.js';
import { ppidSection } from './sections/ppid.js';
import { satisfactionSection } from './sections/satisfaction.js';

export const SECTIONS: readonly ReportSection<unknown>[] = [
  consultationsSection,
  channelsSection,
  usersSection,
  topicsSection,
  serviceHoursSection,
  escalationsSection,
  visitsSection,
  videoConferencesSection,
  knowledgeSection,
  ppidSection,
  satisfactionSection,
];

export const sectionKeys = () => SECTIONS.map((s) => s.key);
