// Writes EXR pixel fixtures with the OpenEXR library itself (Debian libopenexr-dev 3.1), and what it reads back:
//   g++ -std=c++17 make_pixels.cpp -o /tmp/make_exr_pixels $(pkg-config --cflags --libs OpenEXR) && /tmp/make_exr_pixels
// pixels.<name>.exr   a 37 x 21 data window starting at (-3, 5): half R, G, B, float Z, uint id, in one of the
//                     compressions codec decodes (none, RLE, ZIPS, ZIP, PIZ, PXR24, B44, B44A) as scanlines, or as 16 x 8 tiles;
//                     pixels.wide_<name>.exr are 300 x 36 (tiles 64 x 32), so that PIZ and PXR24 take several chunks,
//                     and wide_piz's chunks use more than 2^14 distinct values (the 16-bit form of PIZ's wavelet)
// pixels.<name>.bin   the channels as OpenEXR's InputFile / TiledInputFile reads them back: each channel in name
//                     order, row by row, little-endian (2 bytes a half, 4 a float or uint)
// unsupported.dwaa.exr  the 37 x 21 scanline case in DWAA, a compression codec does not decode (it names it)
// render.<name>.exr   a render's EXR as Synthesis AI's documentation lists its channels (RGBA, Z, CameraNormals.RGB,
//                     binary_segmentation.foreground, segmentation.hair) with a Cryptomatte layer CryptoObject (two ranks of ids and
//                     coverage, a manifest of "head" and "hair"), ZIP; the character covers columns 0-29 (alpha and
//                     foreground 1), the background columns 30-36:
//                     good — as it should be; unknown_id — one covered pixel holds an id the manifest lacks;
//                     far_z — one opaque pixel's Z is 150 m, past zmax (100); no_z — no Z channel;
//                     short_normals — the normals are half a unit long; foreground_everywhere — the foreground pass
//                     covers the background too; black — every beauty pixel is 0; hair_elsewhere — segmentation.hair
//                     covers the background columns instead of the character
#include <OpenEXR/ImfOutputFile.h>
#include <OpenEXR/ImfInputFile.h>
#include <OpenEXR/ImfTiledOutputFile.h>
#include <OpenEXR/ImfTiledInputFile.h>
#include <OpenEXR/ImfHeader.h>
#include <OpenEXR/ImfChannelList.h>
#include <OpenEXR/ImfFrameBuffer.h>
#include <OpenEXR/ImfTileDescriptionAttribute.h>
#include <OpenEXR/ImfStringAttribute.h>
#include <OpenEXR/ImfFloatAttribute.h>
#include <Imath/half.h>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace Imf;
using namespace Imath;

#include "cryptomatte_hash.h"

// The data window of the case being written (the wide cases change it).
static const int X0 = -3, Y0 = 5;
static int W = 37, H = 21;

struct Planes {
    std::vector<half> b, g, r;
    std::vector<float> z;
    std::vector<uint32_t> id;
    Planes() : b(W * H), g(W * H), r(W * H), z(W * H), id(W * H) {}
};

static FrameBuffer frame(Planes& p) {
    FrameBuffer fb;
    // The buffers hold the data window; OpenEXR addresses them from (0, 0) of the image.
    ptrdiff_t shift = -(ptrdiff_t)(X0 + Y0 * W);
    fb.insert("B", Slice(HALF, (char*)(p.b.data() + shift), sizeof(half), sizeof(half) * W));
    fb.insert("G", Slice(HALF, (char*)(p.g.data() + shift), sizeof(half), sizeof(half) * W));
    fb.insert("R", Slice(HALF, (char*)(p.r.data() + shift), sizeof(half), sizeof(half) * W));
    fb.insert("Z", Slice(FLOAT, (char*)(p.z.data() + shift), sizeof(float), sizeof(float) * W));
    fb.insert("id", Slice(UINT, (char*)(p.id.data() + shift), sizeof(uint32_t), sizeof(uint32_t) * W));
    return fb;
}

static Header header(Compression compression) {
    Header h(Box2i(V2i(X0, Y0), V2i(X0 + W - 1, Y0 + H - 1)), Box2i(V2i(X0, Y0), V2i(X0 + W - 1, Y0 + H - 1)));
    h.compression() = compression;
    h.channels().insert("B", Channel(HALF));
    h.channels().insert("G", Channel(HALF));
    h.channels().insert("R", Channel(HALF));
    h.channels().insert("Z", Channel(FLOAT));
    h.channels().insert("id", Channel(UINT));
    return h;
}

static void dump(const std::string& name, Planes& p) {
    FILE* f = std::fopen(("pixels." + name + ".bin").c_str(), "wb");
    std::fwrite(p.b.data(), sizeof(half), p.b.size(), f);
    std::fwrite(p.g.data(), sizeof(half), p.g.size(), f);
    std::fwrite(p.r.data(), sizeof(half), p.r.size(), f);
    std::fwrite(p.z.data(), sizeof(float), p.z.size(), f);
    std::fwrite(p.id.data(), sizeof(uint32_t), p.id.size(), f);
    std::fclose(f);
}

static float bits(uint32_t v) { float f; std::memcpy(&f, &v, 4); return f; }

struct Defects { bool unknownId = false, farZ = false, noZ = false, shortNormals = false, foregroundEverywhere = false, black = false, hairElsewhere = false; };

static void render(const std::string& name, Defects d) {
    Header h(Box2i(V2i(0, 0), V2i(W - 1, H - 1)), Box2i(V2i(0, 0), V2i(W - 1, H - 1)));
    h.compression() = ZIP_COMPRESSION;
    for (const char* c : {"R", "G", "B", "A"}) h.channels().insert(c, Channel(HALF));
    if (!d.noZ) h.channels().insert("Z", Channel(FLOAT));
    for (const char* c : {"CameraNormals.R", "CameraNormals.G", "CameraNormals.B", "binary_segmentation.foreground", "segmentation.hair"}) h.channels().insert(c, Channel(HALF));
    for (const char* c : {"CryptoObject00.R", "CryptoObject00.G", "CryptoObject00.B", "CryptoObject00.A"}) h.channels().insert(c, Channel(FLOAT));
    h.insert("zmin", FloatAttribute(0.0f));
    h.insert("zmax", FloatAttribute(100.0f));
    uint32_t head = mm3("head"), hair = mm3("hair");
    std::string id = hex(mm3("CryptoObject")).substr(0, 7);
    h.insert("cryptomatte/" + id + "/name", StringAttribute("CryptoObject"));
    h.insert("cryptomatte/" + id + "/hash", StringAttribute("MurmurHash3_32"));
    h.insert("cryptomatte/" + id + "/conversion", StringAttribute("uint32_to_float32"));
    h.insert("cryptomatte/" + id + "/manifest", StringAttribute("{\"hair\":\"" + hex(hair) + "\",\"head\":\"" + hex(head) + "\"}"));
    std::vector<half> rgba(W * H * 4);
    std::vector<half> nx(W * H), ny(W * H), nz(W * H), foreground(W * H), hairMask(W * H);
    std::vector<float> z(W * H), ids0(W * H), cov0(W * H), ids1(W * H), cov1(W * H);
    for (int i = 0; i < W * H; i++) {
        int x = i % W, y = i / W;
        bool character = x < 30;
        float shade = d.black ? 0.0f : 1.0f;
        rgba[i * 4] = half(shade * x / float(W)); rgba[i * 4 + 1] = half(shade * 0.5f); rgba[i * 4 + 2] = half(shade * 0.25f);
        rgba[i * 4 + 3] = half(character ? 1.0f : 0.0f);
        float vx = x - 18.0f, vy = y - 10.0f, vz = 40.0f, length = std::sqrt(vx * vx + vy * vy + vz * vz) * (d.shortNormals ? 2 : 1);
        nx[i] = half(vx / length); ny[i] = half(vy / length); nz[i] = half(vz / length);
        foreground[i] = half(character || d.foregroundEverywhere ? 1.0f : 0.0f);
        hairMask[i] = half(character != d.hairElsewhere ? 1.0f : 0.0f);
        z[i] = 0.5f + 0.01f * x;
        ids0[i] = bits(x < W / 2 ? head : hair); cov0[i] = x == W / 2 ? 0.6f : 1.0f;
        ids1[i] = bits(x == W / 2 ? head : 0); cov1[i] = x == W / 2 ? 0.4f : 0.0f;
    }
    if (d.unknownId) ids0[5 * W + 3] = bits(0x12345678);
    if (d.farZ) z[7 * W + 9] = 150.0f;
    FrameBuffer fb;
    fb.insert("R", Slice(HALF, (char*)&rgba[0], 4 * sizeof(half), 4 * sizeof(half) * W));
    fb.insert("G", Slice(HALF, (char*)&rgba[1], 4 * sizeof(half), 4 * sizeof(half) * W));
    fb.insert("B", Slice(HALF, (char*)&rgba[2], 4 * sizeof(half), 4 * sizeof(half) * W));
    fb.insert("A", Slice(HALF, (char*)&rgba[3], 4 * sizeof(half), 4 * sizeof(half) * W));
    if (!d.noZ) fb.insert("Z", Slice(FLOAT, (char*)z.data(), sizeof(float), sizeof(float) * W));
    fb.insert("CameraNormals.R", Slice(HALF, (char*)nx.data(), sizeof(half), sizeof(half) * W));
    fb.insert("CameraNormals.G", Slice(HALF, (char*)ny.data(), sizeof(half), sizeof(half) * W));
    fb.insert("CameraNormals.B", Slice(HALF, (char*)nz.data(), sizeof(half), sizeof(half) * W));
    fb.insert("binary_segmentation.foreground", Slice(HALF, (char*)foreground.data(), sizeof(half), sizeof(half) * W));
    fb.insert("segmentation.hair", Slice(HALF, (char*)hairMask.data(), sizeof(half), sizeof(half) * W));
    fb.insert("CryptoObject00.R", Slice(FLOAT, (char*)ids0.data(), sizeof(float), sizeof(float) * W));
    fb.insert("CryptoObject00.G", Slice(FLOAT, (char*)cov0.data(), sizeof(float), sizeof(float) * W));
    fb.insert("CryptoObject00.B", Slice(FLOAT, (char*)ids1.data(), sizeof(float), sizeof(float) * W));
    fb.insert("CryptoObject00.A", Slice(FLOAT, (char*)cov1.data(), sizeof(float), sizeof(float) * W));
    OutputFile out(("render." + name + ".exr").c_str(), h);
    out.setFrameBuffer(fb);
    out.writePixels(H);
}

static void writeRenders() {
    render("good", {});
    Defects d;
    d.unknownId = true;
    render("unknown_id", d);
    d = {};
    d.farZ = true;
    render("far_z", d);
    d = {};
    d.noZ = true;
    render("no_z", d);
    d = {};
    d.shortNormals = true;
    render("short_normals", d);
    d = {};
    d.foregroundEverywhere = true;
    render("foreground_everywhere", d);
    d = {};
    d.black = true;
    render("black", d);
    d = {};
    d.hairElsewhere = true;
    render("hair_elsewhere", d);
}

int main() {
    writeRenders();
    struct Case { const char* name; Compression compression; bool tiled; bool wide; };
    const Case cases[] = {
        {"scanline_none", NO_COMPRESSION, false, false}, {"scanline_rle", RLE_COMPRESSION, false, false},
        {"scanline_zips", ZIPS_COMPRESSION, false, false}, {"scanline_zip", ZIP_COMPRESSION, false, false},
        {"tiled_zip", ZIP_COMPRESSION, true, false}, {"tiled_none", NO_COMPRESSION, true, false},
        {"scanline_piz", PIZ_COMPRESSION, false, false},
        {"scanline_pxr24", PXR24_COMPRESSION, false, false}, {"tiled_pxr24", PXR24_COMPRESSION, true, false},
        {"wide_piz", PIZ_COMPRESSION, false, true}, {"wide_tiled_piz", PIZ_COMPRESSION, true, true},
        {"wide_pxr24", PXR24_COMPRESSION, false, true},
        {"scanline_b44", B44_COMPRESSION, false, false}, {"scanline_b44a", B44A_COMPRESSION, false, false},
        {"tiled_b44a", B44A_COMPRESSION, true, false}, {"wide_b44", B44_COMPRESSION, false, true},
    };
    for (const auto& c : cases) {
        W = c.wide ? 300 : 37;
        H = c.wide ? 36 : 21;
        Planes source;
        uint32_t seed = 2026;
        auto next = [&]() { seed = seed * 1664525u + 1013904223u; return seed; };
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                // Smooth gradients (what compresses) and noise (what does not), with runs of equal values for RLE. PIZ
                // stores a chunk as it is unless it comes out smaller, and its bitmap of the sixteen-bit values used
                // spans from the least to the greatest: so its cases get smooth G, Z and id of few distinct values,
                // but for wide_piz, whose ids spread over most sixteen-bit values (its wavelet's 16-bit form).
                source.r[i] = half(x / float(W));
                source.b[i] = half(x < 10 ? 0.5f : y / float(H));
                if (c.compression == PIZ_COMPRESSION && c.wide && !c.tiled) {
                    source.g[i] = half(std::sin(x * 0.3f) * std::cos(y * 0.2f) * 4 + (next() % 4) * 1e-3f);
                    source.z[i] = 0.3f + 0.01f * x + 0.001f * y;
                    source.id[i] = y < 4 ? 7u : (x * 40503u + y * 977u) * 65599u;
                } else if (c.compression == PIZ_COMPRESSION) {
                    source.g[i] = half(1 + (x + y) / 64.0f + (next() % 4) * 1e-3f);
                    source.z[i] = 0.25f + x / 64.0f + y / 1024.0f;
                    source.id[i] = y < 4 ? 7u : x + y * W;
                } else {
                    source.g[i] = half((next() % 1000) / 250.0f - 2);
                    source.z[i] = 0.3f + 0.01f * x + (next() % 100) * 1e-4f;
                    source.id[i] = y < 4 ? 7u : next();
                }
            }

        std::string file = std::string("pixels.") + c.name + ".exr";
        Header h = header(c.compression);
        if (c.tiled) {
            h.setTileDescription(c.wide ? TileDescription(64, 32, ONE_LEVEL) : TileDescription(16, 8, ONE_LEVEL));
            TiledOutputFile out(file.c_str(), h);
            out.setFrameBuffer(frame(source));
            out.writeTiles(0, out.numXTiles() - 1, 0, out.numYTiles() - 1);
        } else {
            OutputFile out(file.c_str(), h);
            out.setFrameBuffer(frame(source));
            out.writePixels(H);
        }

        Planes read;
        if (c.tiled) {
            TiledInputFile in(file.c_str());
            in.setFrameBuffer(frame(read));
            in.readTiles(0, in.numXTiles() - 1, 0, in.numYTiles() - 1);
        } else {
            InputFile in(file.c_str());
            in.setFrameBuffer(frame(read));
            in.readPixels(Y0, Y0 + H - 1);
        }
        dump(c.name, read);
    }

    W = 37;
    H = 21;
    Planes flat;
    OutputFile dwaa("unsupported.dwaa.exr", header(DWAA_COMPRESSION));
    dwaa.setFrameBuffer(frame(flat));
    dwaa.writePixels(H);
    return 0;
}
