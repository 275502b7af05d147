/** The staff workspace (/staff/*): sign-in, inbox, report page, notifications. */
import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/error-page';
import { InboxPage } from './inbox-page';
import { LoginPage } from './login-page';
import { NotificationsPage } from './notifications-page';
import { ReportPage } from './report-page';
import { RequireStaff } from './require-staff';

export function Component() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route
        index
        element={
          <RequireStaff>
            <InboxPage />
          </RequireStaff>
        }
      />
      <Route
        path="reports/:trackingId"
        element={
          <RequireStaff>
            <ReportPage />
          </RequireStaff>
        }
      />
      <Route
        path="notifications"
        element={
          <RequireStaff>
            <NotificationsPage />
          </RequireStaff>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
