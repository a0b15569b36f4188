import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Decision, MinutesContent, PersonRef } from '../api/types';
import { personName } from '../lib/people';
import { useLocale } from '../lib/useLocale';

/** Who a speech or a decision is from: a person of the meeting, a name written by hand, or nobody. */
export function speakerName(speech: { personId: string | null; speaker?: string | null }, people: ReadonlyMap<string, PersonRef>, locale: 'ar' | 'fr' | 'en'): string {
  const person = speech.personId ? people.get(speech.personId) : undefined;
  return (person ? personName(person, locale) : '') || speech.speaker?.trim() || '';
}

/**
 * The minutes as read and printed: per agenda item, who spoke and what they said, the notes, and the
 * decisions taken under it; the decisions outside any item come last.
 */
export function MinutesView({
  agenda,
  content,
  decisions,
  people,
  titles,
}: {
  agenda: readonly AgendaItem[];
  content: MinutesContent;
  decisions: readonly Decision[];
  people: ReadonlyMap<string, PersonRef>;
  /** How the attendance names each person ("الكاتب الجهوي"), shown beside their name. */
  titles?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = new Map(content.items.map((item) => [item.agendaItemId, item]));
  const ordered = [...agenda].sort((a, b) => a.position - b.position);
  const loose = decisions.filter((d) => !d.agendaItemId || !ordered.some((item) => item.id === d.agendaItemId));
  const withTitle = (id: string | null, name: string) => {
    const title = id ? titles?.get(id) : undefined;
    return title ? `${name} (${title})` : name;
  };

  return (
    <Stack gap="lg" data-testid="minutes-view" className="tanzim-minutes">
      {ordered.map((agendaItem, index) => {
        const item = items.get(agendaItem.id);
        const itemDecisions = decisions.filter((d) => d.agendaItemId === agendaItem.id).sort((a, b) => a.position - b.position);
        return (
          <section key={agendaItem.id} data-testid="minutes-item" data-agenda-item-id={agendaItem.id} className="tanzim-minutes-item">
            <Title order={3} size="h4" mb="xs">
              {index + 1}. <bdi>{agendaItem.title}</bdi>
            </Title>
            {item && item.speeches.length > 0 ? (
              <Stack gap="xs">
                {item.speeches.map((speech, i) => {
                  const name = speakerName(speech, people, locale);
                  return (
                    <Text key={i} size="sm" data-testid="minutes-speech" style={{ whiteSpace: 'pre-wrap' }}>
                      {name && (
                        <Text span fw={700}>
                          <bdi>{withTitle(speech.personId, name)}</bdi>
                          {t('meeting.minutes.said')}
                        </Text>
                      )}
                      <bdi>{speech.summary}</bdi>
                    </Text>
                  );
                })}
              </Stack>
            ) : (
              !item?.notes && (
                <Text size="sm" c="dimmed">
                  {t('meeting.minutes.nothingRecorded')}
                </Text>
              )
            )}
            {item?.notes && (
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} dir="auto" data-testid="minutes-notes">
                {item.notes}
              </Text>
            )}
            {itemDecisions.length > 0 && <DecisionList decisions={itemDecisions} people={people} />}
          </section>
        );
      })}
      {loose.length > 0 && (
        <section className="tanzim-minutes-item">
          <Title order={3} size="h4" mb="xs">
            {t('meeting.minutes.otherDecisions')}
          </Title>
          <DecisionList decisions={loose} people={people} />
        </section>
      )}
    </Stack>
  );
}

function DecisionList({ decisions, people }: { decisions: readonly Decision[]; people: ReadonlyMap<string, PersonRef> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="tanzim-decisions">
      <Text size="sm" fw={700} mt="sm" mb={4}>
        {t('meeting.minutes.decisions')}
      </Text>
      <List type="ordered" spacing={4} size="sm">
        {decisions.map((decision) => {
          const by = decision.byPersonId ? people.get(decision.byPersonId) : undefined;
          return (
            <List.Item key={decision.id} data-testid="minutes-decision" data-decision-id={decision.id}>
              <bdi>{decision.text}</bdi>
              {by && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  — <bdi>{personName(by, locale)}</bdi>
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
