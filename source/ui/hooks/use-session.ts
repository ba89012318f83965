/** The session's dispatch (open a screen, go back) for the screens. */
import {createContext, useContext} from 'react';
import type {SessionAction} from '../session-reducer.js';

export const SessionContext = createContext<(action: SessionAction) => void>(() => undefined);

export function useSessionDispatch(): (action: SessionAction) => void {
	return useContext(SessionContext);
}
