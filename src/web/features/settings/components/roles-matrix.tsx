import { Check, Minus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, ROLES } from '../../../../shared/permissions';
import { Card, SkeletonText } from '../../../design';
import { useRoles } from '../api/users';
import './roles-matrix.css';

/** What each role may do: permissions down, roles across. */
export function RolesMatrix() {
  const { t } = useTranslation('settings');
  const roles = useRoles();
  const granted = new Map(roles.data?.map((r) => [r.role, new Set(r.permissions)]));
  return (
    <Card title={t('roles.title')} description={t('roles.description')} flush>
      {roles.isPending ? (
        <div className="card-body">
          <SkeletonText lines={5} label={t('common:loading')} />
        </div>
      ) : (
        <div className="roles-matrix-wrap">
          <table className="roles-matrix">
            <caption className="visually-hidden">{t('roles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.permission')}</th>
                {ROLES.map((role) => (
                  <th key={role} scope="col" className="roles-matrix-role">
                    {t(`common:roles.${role}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PERMISSIONS.map((permission) => (
                <tr key={permission}>
                  <th scope="row">
                    <span>{t(`permissions.${permission.replace('.', '_')}`, { defaultValue: permission })}</span>
                    <code className="roles-matrix-code">{permission}</code>
                  </th>
                  {ROLES.map((role) => {
                    const has = granted.get(role)?.has(permission);
                    return (
                      <td key={role} className="roles-matrix-cell" data-granted={has}>
                        {has ? <Check aria-label={t('common:yes')} /> : <Minus aria-label={t('common:no')} />}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
