'use client';
// better-auth's browser client, on this origin (the web server proxies /api/auth to the API).
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient();
