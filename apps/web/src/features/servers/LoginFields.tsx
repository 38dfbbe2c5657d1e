import './catalogue.ts';
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ADMIN_PASS_LENGTH, ADMIN_PASS_SPECIALS } from '@console/contract';
import { SelectField } from '../../components/form/SelectField.tsx';
import { useKeypairs } from './api.ts';

export type LoginMode = 'keypair' | 'password' | 'keep';

interface LoginFieldsProps {
  mode: LoginMode;
  onModeChange: (mode: LoginMode) => void;
  /** Reinstalling may keep the server's key pair; a new server has none to keep. */
  allowKeep?: boolean;
  keyField: UseFormRegisterReturn;
  passField: UseFormRegisterReturn;
  keyError?: string | undefined;
  passError?: string | undefined;
}

/**
 * How people log in to the new system. The password field is never filled from anything the
 * console kept, autocomplete may not offer it back, and it is sent once, with the request.
 */
export function LoginFields({ mode, onModeChange, allowKeep = false, keyField, passField, keyError, passError }: LoginFieldsProps) {
  const { t } = useTranslation();
  const name = useId();
  const passId = useId();
  const keypairs = useKeypairs();
  const modes: LoginMode[] = allowKeep ? ['keep', 'keypair', 'password'] : ['keypair', 'password'];
  const items = keypairs.data?.items ?? [];
  const rule = t('servers.login.passwordRule', { min: ADMIN_PASS_LENGTH.min, max: ADMIN_PASS_LENGTH.max, specials: ADMIN_PASS_SPECIALS });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('servers.login.legend')}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {modes.map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name={name} className="size-4 accent-blue-600" checked={mode === m} onChange={() => onModeChange(m)} />
              {t(`servers.login.mode.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'keypair' && (
        <SelectField
          label={t('servers.login.keypair')}
          options={[{ value: '', label: keypairs.isPending ? t('common.loading') : t('servers.login.chooseKeypair') }, ...items.map((k) => ({ value: k.name, label: `${k.name} (${k.fingerprint})` }))]}
          help={keypairs.data && items.length === 0 ? t('servers.login.noKeypairs') : undefined}
          {...keyField}
          error={keyError}
        />
      )}
      {mode === 'password' && (
        <div>
          <label htmlFor={passId} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{t('servers.login.password')}</label>
          <input
            id={passId}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            aria-invalid={passError ? true : undefined}
            aria-describedby={`${passId}-help${passError ? ` ${passId}-error` : ''}`}
            className={`input mt-1 ${passError ? 'input-invalid' : ''}`}
            {...passField}
          />
          <p id={`${passId}-help`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{rule}</p>
          {passError && <p id={`${passId}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">{passError}</p>}
        </div>
      )}
    </div>
  );
}
