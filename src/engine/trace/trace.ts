// STUB (replaced by the trace work): the signatures the rest of the engine and the page rely on.
import type { Simulation } from '../types';
import type { QuestionError } from '../questions';
import { questionError } from '../model/refs';
import type { SendManyAnswer, SendManyQuestion, TraceAnswer, TraceQuestion } from './types';

export function trace(sim: Simulation, q: TraceQuestion): TraceAnswer | QuestionError {
  void sim; void q;
  return questionError('BAD_ARGUMENT', 'trace is not implemented yet');
}

export function sendMany(sim: Simulation, q: SendManyQuestion): SendManyAnswer | QuestionError {
  void sim; void q;
  return questionError('BAD_ARGUMENT', 'sendMany is not implemented yet');
}
