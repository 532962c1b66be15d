// MurmurHash3 and the hex of a Cryptomatte id, shared by the EXR fixture writers.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

// MurmurHash3 x86_32, seed 0, and Cryptomatte's float-safe tweak (exponent 0 or 255 flips its low bit).
inline uint32_t mm3(const std::string& s) {
    const uint8_t* data = reinterpret_cast<const uint8_t*>(s.data());
    int len = static_cast<int>(s.size()), nblocks = len / 4;
    uint32_t h = 0, c1 = 0xcc9e2d51, c2 = 0x1b873593;
    for (int i = 0; i < nblocks; i++) {
        uint32_t k; std::memcpy(&k, data + i * 4, 4);
        k *= c1; k = (k << 15) | (k >> 17); k *= c2;
        h ^= k; h = (h << 13) | (h >> 19); h = h * 5 + 0xe6546b64;
    }
    const uint8_t* tail = data + nblocks * 4; uint32_t k = 0;
    switch (len & 3) { case 3: k ^= tail[2] << 16; [[fallthrough]]; case 2: k ^= tail[1] << 8; [[fallthrough]];
        case 1: k ^= tail[0]; k *= c1; k = (k << 15) | (k >> 17); k *= c2; h ^= k; }
    h ^= len; h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16;
    uint32_t exponent = (h >> 23) & 255;
    if (exponent == 0 || exponent == 255) h ^= 1u << 23;
    return h;
}

inline std::string hex(uint32_t v) { char b[9]; std::snprintf(b, sizeof b, "%08x", v); return b; }

