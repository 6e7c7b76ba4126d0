// A deliberately wrong binding: getToken given a string where the element takes a function.
// The type checker must reject it; test/frameworks/ checks that it does.
import { OutboundAppButton } from 'outbound-elements/react';

export const Wrong = () => <OutboundAppButton appId="github" getToken="not a function" />;
