import type { Route } from '../context';
import { redirectReply } from '../reply';
import { appApiRoutes } from './app-api';
import { federation } from './federation';
import { homePage } from './home';
import { loginPage } from './login';
import { oauth } from './oauth';
import { verifyTokenPage } from './verify-token';

export const pageRoutes: readonly Route[] = [
  { path: '/', method: 'GET', handle: () => redirectReply('/app/home') },
  { path: '/app/login', method: 'GET', name: 'login', handle: loginPage },
  { path: '/app/home', method: 'GET', name: 'home', handle: homePage },
  { path: '/app/user/verify-token', method: 'GET', name: 'verify-token', handle: (request, context) => verifyTokenPage(request.url.searchParams, context.handoff.mode) },
  { path: '/federation', method: 'GET', name: 'federation', handle: (request, context) => federation(request.url.searchParams, context) },
  { path: '/oauth', method: 'GET', name: 'oauth', handle: (request, context) => oauth(request.url.searchParams, context) },
  ...appApiRoutes,
];
