'use client';
// The studio's YAML editor (CodeMirror 6): the linter's problems underlined at their lines, and a way to jump to a line from the list or the map.
import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { Compartment, EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { ContentProblem } from '@/lib/problems';

interface Props {
  value: string;
  onChange: (text: string) => void;
  problems: ContentProblem[];
  /** Move the cursor to this line and focus the editor; `seq` makes the same line jump twice. */
  jumpTo?: { line: number; seq: number };
  readOnly?: boolean;
  label: string;
  describedBy?: string;
}

/** A problem as CodeMirror underlines it: the whole line it names, with the fix after the message. */
function diagnosticsOf(state: EditorState, problems: ContentProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line, 1), state.doc.lines));
    return { from: line.from, to: Math.max(line.to, line.from), severity: 'error', message: p.hint ? `${p.message}. Fix: ${p.hint}` : p.message };
  });
}

export function YamlEditor({ value, onChange, problems, jumpTo, readOnly = false, label, describedBy }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const editable = useRef(new Compartment());
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          EditorView.lineWrapping,
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          // Focusable even when read-only, so keyboard users can reach and scroll the text.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is made once; later props reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change made elsewhere (the form, another author's save) replaces the text, keeping the cursor where it can.
  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    const head = Math.min(v.state.selection.main.head, value.length);
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, selection: { anchor: head } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnosticsOf(v.state, problems)));
  }, [problems, value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch({ effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jumpTo) return;
    const line = v.state.doc.line(Math.min(Math.max(jumpTo.line, 1), v.state.doc.lines));
    v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    v.focus();
  }, [jumpTo]);

  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />;
}
