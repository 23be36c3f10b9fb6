#!/usr/bin/env python3
"""Experimental (session 17, issue 15): a copy of a SQLite store whose stored paper vectors are replaced by vectors
written by bench/tools/embed-models.cs, to judge another embedding model inside the engine (bench/tools/suggest-forward.cs
on the copy). Several names put the models side by side, each scaled by 1/sqrt(n): every cosine is then the mean of the
models' cosines. Vectors are stored as the store does (Int8VectorCodec: a float32 scale, then one signed byte a component).

  swap_vectors.py STORE.db COPY.db DIR NAME[,NAME…]
"""
import os, shutil, sqlite3, struct, sys
import numpy as np

source, copy, folder, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(',')
ids = open(os.path.join(folder, names[0] + '.ids')).read().split()
for n in names[1:]:
    assert open(os.path.join(folder, n + '.ids')).read().split() == ids, f'{n}: not in the order of {names[0]}'
vectors = np.concatenate([np.fromfile(os.path.join(folder, n + '.bin'), dtype=np.float32).reshape(len(ids), -1) for n in names], axis=1)
vectors /= np.sqrt(len(names))
row = {p: i for i, p in enumerate(ids)}
shutil.copy(source, copy)
db = sqlite3.connect(copy)
replaced = 0
for pk, arxiv in db.execute('SELECT p.pk, p.arxiv_id FROM paper p JOIN paper_vector v ON v.paper_pk = p.pk').fetchall():
    v = vectors[row[arxiv]]
    top = float(np.abs(v).max()); scale = top / 127 if top > 0 else 0.0
    encoded = struct.pack('<f', scale) + (np.clip(np.round(v / scale), -127, 127).astype(np.int8).tobytes() if scale > 0 else bytes(len(v)))
    db.execute('UPDATE paper_vector SET vector = ? WHERE paper_pk = ?', (encoded, pk))
    replaced += 1
db.commit()
print(f'{replaced} vectors replaced, {vectors.shape[1]} dimensions')
