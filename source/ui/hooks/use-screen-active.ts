/**
 * Whether the screen a component belongs to is the one showing. Screens under the top stay
 * mounted (going back finds them as they were); one that is hidden can skip work that only
 * its view needs (the network view of a large topology), and do it when it shows again.
 */
import {createContext, useContext} from 'react';

export const ScreenActiveContext = createContext<boolean>(true);

export function useScreenActive(): boolean {
	return useContext(ScreenActiveContext);
}
