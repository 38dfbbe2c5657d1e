import { useRef, useState, type FormEvent } from 'react';
import { CircleAlert, LoaderCircle, LogIn } from 'lucide-react';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '@console/contract';
import { TextField } from '../../components/TextField.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { safeNextPath } from '../../lib/api.ts';
import { LanguageMenu } from '../../app/LanguageMenu.tsx';
import { ProductMark } from '../../app/ProductMark.tsx';
import { ThemeMenu } from '../../app/ThemeMenu.tsx';
import { describeLoginError, validateLogin, type LoginField, type LoginFieldErrors } from './loginForm.ts';
import { useLogin, useMe } from './session.ts';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  const login = useLogin();

  const [values, setValues] = useState<LoginRequest>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [attempted, setAttempted] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  // Signed in already (or just now, since a successful login fills the session cache).
  if (me.data) return <Navigate to={next} replace />;

  const update = (field: LoginField, value: string) => {
    const nextValues = { ...values, [field]: value };
    setValues(nextValues);
    // After a first attempt, errors follow the typing so they vanish as soon as they are fixed.
    if (attempted) {
      const result = validateLogin(nextValues, t);
      setFieldErrors(result.ok ? {} : result.errors);
    }
  };

  const focusFirstError = (errors: LoginFieldErrors) => {
    if (errors.username) usernameInput.current?.focus();
    else if (errors.password) passwordInput.current?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setFormError(undefined);
    const result = validateLogin(values, t);
    if (!result.ok) {
      setFieldErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }
    setFieldErrors({});
    login.mutate(result.data, {
      onError: (error) => {
        const refusal = describeLoginError(error, t);
        setFormError(refusal.message);
        setFieldErrors(refusal.fields);
        if (refusal.message) {
          setValues((current) => ({ ...current, password: '' }));
          passwordInput.current?.focus();
        } else {
          focusFirstError(refusal.fields);
        }
      },
    });
  };

  const pending = login.isPending;
  return (
    <div className="flex min-h-screen flex-col bg-slate-100 dark:bg-slate-950">
      <div className="flex justify-end gap-0.5 p-3">
        <ThemeMenu />
        <LanguageMenu />
      </div>
      <main id="main-content" className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            <ProductMark size="lg" />
            <p className="text-sm font-medium text-slate-600 dark:text-slate-300">{t('app.name')}</p>
          </div>
          <div className="card p-6">
            <h1 className="text-lg font-semibold text-slate-900 dark:text-white">{t('login.title')}</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('login.subtitle')}</p>
            {formError && (
              <div
                role="alert"
                className="mt-4 flex gap-2 rounded-md border border-red-200 bg-red-50 p-2.5 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
              >
                <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
                <span>{formError}</span>
              </div>
            )}
            <form noValidate onSubmit={submit} className="mt-4 space-y-4">
              <TextField
                ref={usernameInput}
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                value={values.username}
                error={fieldErrors.username}
                onChange={(event) => update('username', event.target.value)}
              />
              <TextField
                ref={passwordInput}
                label={t('login.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                value={values.password}
                error={fieldErrors.password}
                onChange={(event) => update('password', event.target.value)}
              />
              <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
                {pending ? (
                  <LoaderCircle aria-hidden className="size-4 animate-spin" />
                ) : (
                  <LogIn aria-hidden className="size-4" />
                )}
                {pending ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
          </div>
        </div>
      </main>
    </div>
  );
}
