// The OpenEXR side of benchmarks/e2e/exr.sh, built against Debian's libopenexr-dev:
//   g++ -O2 -std=c++17 exr_peer.cpp -o exr_peer $(pkg-config --cflags --libs OpenEXR)
// exr_peer write COMPRESSION OUT.exr PLANES.bin WIDTH HEIGHT
//     writes a render's EXR from raw planes (float32, little-endian, in this order: R G B A Z CameraNormals.R/G/B
//     binary_segmentation.foreground), as Synthesis AI's documentation lists the channels: Z as float, the rest as
//     half; COMPRESSION is zip, zips, piz, pxr24 or b44a
// exr_peer read FILE...
//     what a C++ user of OpenEXR does to read a render: every channel of every file into a frame buffer of its own
//     type (InputFile::readPixels), then each channel's least and largest finite value
#include <OpenEXR/ImfChannelList.h>
#include <OpenEXR/ImfFrameBuffer.h>
#include <OpenEXR/ImfFloatAttribute.h>
#include <OpenEXR/ImfHeader.h>
#include <OpenEXR/ImfInputFile.h>
#include <OpenEXR/ImfOutputFile.h>
#include <Imath/half.h>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace Imf;
using namespace Imath;

static const char* Channels[] = {"R", "G", "B", "A", "Z", "CameraNormals.R", "CameraNormals.G", "CameraNormals.B", "binary_segmentation.foreground"};

static int write(const std::string& compression, const char* out, const char* planesPath, int w, int h) {
    std::vector<float> planes(size_t(w) * h * 9);
    FILE* f = std::fopen(planesPath, "rb");
    if (!f || std::fread(planes.data(), sizeof(float), planes.size(), f) != planes.size()) { std::fprintf(stderr, "cannot read %s\n", planesPath); return 2; }
    std::fclose(f);
    Header header(w, h);
    header.compression() = compression == "zip" ? ZIP_COMPRESSION : compression == "zips" ? ZIPS_COMPRESSION : compression == "piz" ? PIZ_COMPRESSION : compression == "b44a" ? B44A_COMPRESSION : PXR24_COMPRESSION;
    std::vector<std::vector<half>> halves(9, std::vector<half>(size_t(w) * h));
    FrameBuffer fb;
    for (int c = 0; c < 9; c++) {
        const float* plane = planes.data() + size_t(c) * w * h;
        if (c == 4) {
            header.channels().insert(Channels[c], Channel(FLOAT));
            fb.insert(Channels[c], Slice(FLOAT, (char*)plane, sizeof(float), sizeof(float) * w));
        } else {
            for (size_t i = 0; i < size_t(w) * h; i++) halves[c][i] = half(plane[i]);
            header.channels().insert(Channels[c], Channel(HALF));
            fb.insert(Channels[c], Slice(HALF, (char*)halves[c].data(), sizeof(half), sizeof(half) * w));
        }
    }
    header.insert("zmin", FloatAttribute(0));
    header.insert("zmax", FloatAttribute(100));
    OutputFile file(out, header);
    file.setFrameBuffer(fb);
    file.writePixels(h);
    return 0;
}

static int read(int count, char** paths) {
    double checksum = 0;
    for (int p = 0; p < count; p++) {
        InputFile file(paths[p]);
        Box2i dw = file.header().dataWindow();
        long w = dw.max.x - dw.min.x + 1, h = dw.max.y - dw.min.y + 1;
        std::vector<std::vector<char>> buffers;
        std::vector<PixelType> types;
        FrameBuffer fb;
        for (auto it = file.header().channels().begin(); it != file.header().channels().end(); ++it) {
            PixelType t = it.channel().type;
            size_t size = t == HALF ? 2 : 4;
            buffers.emplace_back(size_t(w) * h * size);
            types.push_back(t);
            fb.insert(it.name(), Slice(t, buffers.back().data() - (dw.min.x + dw.min.y * w) * size, size, size * w));
        }
        file.setFrameBuffer(fb);
        file.readPixels(dw.min.y, dw.max.y);
        for (size_t c = 0; c < buffers.size(); c++) {
            float low = INFINITY, high = -INFINITY;
            for (long i = 0; i < w * h; i++) {
                float v = types[c] == HALF ? float(((const half*)buffers[c].data())[i]) : types[c] == FLOAT ? ((const float*)buffers[c].data())[i] : float(((const unsigned*)buffers[c].data())[i]);
                if (std::isfinite(v)) { low = v < low ? v : low; high = v > high ? v : high; }
            }
            checksum += low + high;
        }
    }
    std::printf("%g\n", checksum);
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 7 && std::string(argv[1]) == "write") return write(argv[2], argv[3], argv[4], std::atoi(argv[5]), std::atoi(argv[6]));
    if (argc >= 3 && std::string(argv[1]) == "read") return read(argc - 2, argv + 2);
    std::fprintf(stderr, "usage: exr_peer write COMPRESSION OUT.exr PLANES.bin WIDTH HEIGHT | exr_peer read FILE...\n");
    return 2;
}
