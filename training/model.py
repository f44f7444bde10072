"""DistilBERT-architecture encoder in plain torch (module names match Hugging Face's
DistilBertForSequenceClassification so a state dict maps 1:1), an MLM head, a linear
bag-of-WordPiece-n-grams branch, and the exported ensemble."""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class Config:
    vocab_size: int = 16000
    max_position_embeddings: int = 256
    dim: int = 256
    n_layers: int = 4
    n_heads: int = 4
    hidden_dim: int = 1024
    dropout: float = 0.1
    attention_dropout: float = 0.1
    seq_classif_dropout: float = 0.2
    n_labels: int = 4
    pad_token_id: int = 0

    def to_dict(self):
        return asdict(self)


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab_size, c.dim, padding_idx=c.pad_token_id)
        self.position_embeddings = nn.Embedding(c.max_position_embeddings, c.dim)
        self.LayerNorm = nn.LayerNorm(c.dim, eps=1e-12)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, input_ids):
        pos = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(pos)
        return self.dropout(self.LayerNorm(x))


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.n_heads, self.dim = c.n_heads, c.dim
        self.q_lin = nn.Linear(c.dim, c.dim)
        self.k_lin = nn.Linear(c.dim, c.dim)
        self.v_lin = nn.Linear(c.dim, c.dim)
        self.out_lin = nn.Linear(c.dim, c.dim)
        self.dropout = nn.Dropout(c.attention_dropout)

    def forward(self, x, add_mask):
        b, l, _ = x.shape
        h, d = self.n_heads, self.dim // self.n_heads

        def shape(t):
            return t.view(b, l, h, d).transpose(1, 2)

        q = shape(self.q_lin(x)) / math.sqrt(d)
        k = shape(self.k_lin(x))
        v = shape(self.v_lin(x))
        scores = torch.matmul(q, k.transpose(2, 3)) + add_mask
        w = self.dropout(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(w, v).transpose(1, 2).reshape(b, l, self.dim)
        return self.out_lin(ctx)


class FFN(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.lin1 = nn.Linear(c.dim, c.hidden_dim)
        self.lin2 = nn.Linear(c.hidden_dim, c.dim)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x):
        return self.dropout(self.lin2(F.gelu(self.lin1(x))))


class TransformerBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = MultiHeadSelfAttention(c)
        self.sa_layer_norm = nn.LayerNorm(c.dim, eps=1e-12)
        self.ffn = FFN(c)
        self.output_layer_norm = nn.LayerNorm(c.dim, eps=1e-12)

    def forward(self, x, add_mask):
        x = self.sa_layer_norm(self.attention(x, add_mask) + x)
        return self.output_layer_norm(self.ffn(x) + x)


class Transformer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList([TransformerBlock(c) for _ in range(c.n_layers)])

    def forward(self, x, add_mask):
        for blk in self.layer:
            x = blk(x, add_mask)
        return x


class DistilBertModel(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embeddings = Embeddings(c)
        self.transformer = Transformer(c)

    def forward(self, input_ids, attention_mask):
        add_mask = (1.0 - attention_mask.to(torch.float32))[:, None, None, :] * -1e4
        return self.transformer(self.embeddings(input_ids), add_mask)


def init_weights(module, std=0.02):
    for m in module.modules():
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=std)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=std)
            if m.padding_idx is not None:
                with torch.no_grad():
                    m.weight[m.padding_idx].zero_()
        elif isinstance(m, nn.LayerNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)


class DistilBertForMaskedLM(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.distilbert = DistilBertModel(c)
        self.vocab_transform = nn.Linear(c.dim, c.dim)
        self.vocab_layer_norm = nn.LayerNorm(c.dim, eps=1e-12)
        self.vocab_projector = nn.Linear(c.dim, c.vocab_size)
        init_weights(self)
        self.vocab_projector.weight = self.distilbert.embeddings.word_embeddings.weight  # tied

    def forward(self, input_ids, attention_mask, mlm_positions):
        """mlm_positions: bool [b, l]; returns logits only for masked positions."""
        h = self.distilbert(input_ids, attention_mask)[mlm_positions]
        h = self.vocab_layer_norm(F.gelu(self.vocab_transform(h)))
        return self.vocab_projector(h)


class DistilBertForSequenceClassification(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.distilbert = DistilBertModel(c)
        self.pre_classifier = nn.Linear(c.dim, c.dim)
        self.classifier = nn.Linear(c.dim, c.n_labels)
        self.dropout = nn.Dropout(c.seq_classif_dropout)
        init_weights(self)

    def forward(self, input_ids, attention_mask):
        h = self.distilbert(input_ids, attention_mask)[:, 0]
        h = self.dropout(F.relu(self.pre_classifier(h)))
        return self.classifier(h)


HASH_MULT = 1000003


class BagOfNgrams(nn.Module):
    """Linear model over WordPiece unigrams and hashed adjacent bigrams (and optionally
    trigrams): sum of per-token weight vectors over the attention mask divided by
    sqrt(count). A regularised logistic regression in all but name; exports as
    Gather/Mul/ReduceSum."""

    def __init__(self, vocab_size, n_labels=4, buckets=1 << 18, trigrams=False):
        super().__init__()
        self.buckets = buckets
        self.trigrams = trigrams
        self.uni = nn.Embedding(vocab_size, n_labels)
        self.bi = nn.Embedding(buckets, n_labels)
        self.tri = nn.Embedding(buckets, n_labels) if trigrams else None
        self.bias = nn.Parameter(torch.zeros(n_labels))
        for e in (self.uni, self.bi, self.tri):
            if e is not None:
                nn.init.zeros_(e.weight)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.to(torch.float32)
        ids = input_ids
        s = (self.uni(ids) * m.unsqueeze(-1)).sum(1)
        n = m.sum(1, keepdim=True)
        bh = torch.remainder(ids[:, :-1] * HASH_MULT + ids[:, 1:], self.buckets)
        bm = m[:, :-1] * m[:, 1:]
        s = s + (self.bi(bh) * bm.unsqueeze(-1)).sum(1)
        n = n + bm.sum(1, keepdim=True)
        if self.tri is not None:
            th = torch.remainder((ids[:, :-2] * HASH_MULT + ids[:, 1:-1]) * HASH_MULT + ids[:, 2:],
                                 self.buckets)
            tm = m[:, :-2] * m[:, 1:-1] * m[:, 2:]
            s = s + (self.tri(th) * tm.unsqueeze(-1)).sum(1)
            n = n + tm.sum(1, keepdim=True)
        return s / torch.sqrt(torch.clamp(n, min=1.0)) + self.bias


class Ensemble(nn.Module):
    """logits = [transformer_logits, bag_logits] @ W.T + c   (W: [4, 8], chosen on dev).
    Output: raw ensemble logits [batch, 4]; Platt calibration lives in config.json."""

    def __init__(self, transformer, bag, W, c):
        super().__init__()
        self.transformer = transformer
        self.bag = bag
        self.register_buffer("W", torch.tensor(W, dtype=torch.float32))
        self.register_buffer("c", torch.tensor(c, dtype=torch.float32))

    def forward(self, input_ids, attention_mask):
        z = torch.cat([self.transformer(input_ids, attention_mask), self.bag(input_ids, attention_mask)], dim=1)
        return z @ self.W.t() + self.c
