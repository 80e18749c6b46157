;;; eglot-check.el --- check the README's eglot snippet against a real dossier server  -*- lexical-binding: t; -*-
;; emacs --batch -l eglot-check.el   with DOSSIER_BIN (server) and DOSSIER_WS (a copy of
;; editors/test-workspace outside any git repository) in the environment.
;; Prints one line per check and "eglot: N passed, M failed"; exits non-zero on a failure.
(require 'eglot)
(require 'cl-lib)

(defvar dossier-bin (getenv "DOSSIER_BIN"))
(defvar dossier-ws (file-name-as-directory (getenv "DOSSIER_WS")))
(defvar dossier-passed 0)
(defvar dossier-failed 0)

(defun dossier-record (name ok &optional detail)
  (if ok (cl-incf dossier-passed) (cl-incf dossier-failed))
  (princ (format "%s - %s%s\n" (if ok "ok" "not ok") name (if detail (format " # %s" detail) ""))))

;; --- the README snippet (with the binary's full path) ---------------------------------------
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((markdown-mode gfm-mode text-mode) . (,dossier-bin "lsp"))))
(setq-default eglot-workspace-configuration
              '(:dossier (:rules (:hedged-report "off" :unattributed-claim "error"))))
;; ---------------------------------------------------------------------------------------------

(setq eglot-sync-connect 20)
(find-file (expand-file-name "committee-notes.txt" dossier-ws))
(text-mode)
(condition-case err
    (apply #'eglot (eglot--guess-contact))
  (error (dossier-record "eglot connects to dossier lsp" nil (error-message-string err))))

(let ((server (eglot-current-server)))
  (dossier-record "eglot connects to dossier lsp" (and server (jsonrpc-running-p server))
                  (and server (plist-get (eglot--server-info server) :name)))
  (when server
    (goto-char (point-min))
    (search-forward "Pedersen")
    (backward-char 3)
    (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (contents (plist-get hover :contents))
           (text (if (stringp contents) contents (or (plist-get contents :value) ""))))
      (dossier-record "hover on a surname shows the actor card"
                      (string-match-p (regexp-quote "**Geir Pedersen**") text)
                      (car (split-string text "\n"))))
    ;; The first index may still run (eglot 1.9 shows no $/progress): ask again for up to 10 s.
    (let ((uri nil) (tries 0))
      (while (and (< tries 20) (not (and uri (string-match-p "envoy-briefing\\.md\\'" uri))))
        (when (> tries 0) (sleep-for 0.5))
        (cl-incf tries)
        (let* ((defs (jsonrpc-request server :textDocument/definition (eglot--TextDocumentPositionParams)))
               (locs (if (vectorp defs) (append defs nil) (list defs))))
          (setq uri (plist-get (car locs) :uri))))
      (dossier-record "definition jumps into the other article"
                      (and uri (string-match-p "envoy-briefing\\.md\\'" uri)) uri))
    ;; The server asks for section "dossier"; eglot answers from eglot-workspace-configuration.
    (let ((answer (eglot--workspace-configuration-plist server)))
      (dossier-record "workspace configuration has the dossier section"
                      (plist-get answer :dossier) (format "%S" answer)))
    (ignore-errors (eglot-shutdown server))))

(princ (format "eglot: %d passed, %d failed\n" dossier-passed dossier-failed))
(kill-emacs (if (> dossier-failed 0) 1 0))
