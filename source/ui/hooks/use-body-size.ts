/** The size the current screen's body may fill. */
import {useContext} from 'react';
import {BodySizeContext, type BodySize} from '../layout.js';

export function useBodySize(): BodySize {
	return useContext(BodySizeContext);
}
