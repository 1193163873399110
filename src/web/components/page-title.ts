import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title of a route (WCAG 2.4.2), e.g. 「我的申請｜GovDesk 資訊服務申請系統」. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
