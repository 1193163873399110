import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { VENDOR_APPLICATION_PATH } from './applications/public-application.js';
import { RequireSession } from './auth/require-session.js';
import { AppLayout } from './layout/app-layout.js';
import { AccountPage } from './pages/account.page.js';
import { AccountRequestsPage } from './pages/account-requests.page.js';
import { AccountReviewPrintPage } from './pages/account-review-print.page.js';
import { AccountReviewPage } from './pages/account-review.page.js';
import { AccountReviewsPage } from './pages/account-reviews.page.js';
import { AdminUserPage } from './pages/admin-user.page.js';
import { AdminSettingsPage } from './pages/admin-settings.page.js';
import { AdminUsersPage } from './pages/admin-users.page.js';
import { AdminWebContentRoutingPage, WEB_CONTENT_ROUTING_PATH } from './pages/admin-web-content-routing.page.js';
import { AdminWorkflowsPage } from './pages/admin-workflows.page.js';
import { AssetPage } from './pages/asset.page.js';
import { AssetsPage } from './pages/assets.page.js';
import { AuditPage } from './pages/audit.page.js';
import { DeputiesPage } from './pages/deputies.page.js';
import { ForgotPasswordPage } from './pages/forgot-password.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { NotificationsPage } from './pages/notifications.page.js';
import { RequestDetailPage } from './pages/request-detail.page.js';
import { RequestListPage } from './pages/request-list.page.js';
import { RequestNewPage } from './pages/request-new.page.js';
import { RequestPrintPage } from './pages/request-print.page.js';
import { RequestTypesPage } from './pages/request-types.page.js';
import { ResetPasswordPage } from './pages/reset-password.page.js';
import { ServiceLevelsPage } from './pages/service-levels.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { VendorApplicationPage } from './pages/vendor-application.page.js';

/** Every route of the web app. */
export function AppRoutes() {
  const guarded = (page: ReactNode) => <RequireSession>{page}</RequireSession>;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/request-types" element={<RequestTypesPage />} />
        <Route path={VENDOR_APPLICATION_PATH} element={<VendorApplicationPage />} />
        <Route path="/" element={<Navigate to="/requests" replace />} />
        <Route path="/requests" element={guarded(<RequestListPage />)} />
        <Route path="/requests/new" element={guarded(<RequestNewPage />)} />
        <Route path="/requests/:id" element={guarded(<RequestDetailPage />)} />
        <Route path="/requests/:id/print" element={guarded(<RequestPrintPage />)} />
        <Route path="/account" element={guarded(<AccountPage />)} />
        <Route path="/account-requests" element={guarded(<AccountRequestsPage />)} />
        <Route path="/account-reviews" element={guarded(<AccountReviewsPage />)} />
        <Route path="/account-reviews/:id" element={guarded(<AccountReviewPage />)} />
        <Route path="/account-reviews/:id/print" element={guarded(<AccountReviewPrintPage />)} />
        <Route path="/admin/users" element={guarded(<AdminUsersPage />)} />
        <Route path="/admin/users/:id" element={guarded(<AdminUserPage />)} />
        <Route path="/admin/settings" element={guarded(<AdminSettingsPage />)} />
        <Route path="/admin/workflows" element={guarded(<AdminWorkflowsPage />)} />
        <Route path={WEB_CONTENT_ROUTING_PATH} element={guarded(<AdminWebContentRoutingPage />)} />
        <Route path="/assets" element={guarded(<AssetsPage />)} />
        <Route path="/assets/:id" element={guarded(<AssetPage />)} />
        <Route path="/deputies" element={guarded(<DeputiesPage />)} />
        <Route path="/audit" element={guarded(<AuditPage />)} />
        <Route path="/notifications" element={guarded(<NotificationsPage />)} />
        <Route path="/reports/service-levels" element={guarded(<ServiceLevelsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
