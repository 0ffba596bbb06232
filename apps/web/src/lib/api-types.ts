// The API's answers as types, for components that take part of an answer as a prop.
import type { AppRouter } from '@ree/api/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
