;;; product-spec.el --- .product files with eglot (Emacs 29+, or eglot from ELPA)
;; Load it from your init file: (load "/path/to/product-spec/editors/emacs/product-spec.el")

(define-derived-mode product-spec-mode prog-mode "Product"
  "Major mode for product-spec .product files."
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2))

(add-to-list 'auto-mode-alist '("\\.product\\'" . product-spec-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '(product-spec-mode . ("npx" "--no-install" "product-spec" "lsp" "--stdio"))))

(add-hook 'product-spec-mode-hook #'eglot-ensure)
