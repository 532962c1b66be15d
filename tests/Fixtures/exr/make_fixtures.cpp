// Writes the EXR header fixtures with the OpenEXR library itself (Debian libopenexr-dev 3.1):
//   g++ -std=c++17 make_fixtures.cpp -o /tmp/make_exr $(pkg-config --cflags --libs OpenEXR) && /tmp/make_exr
//   for f in *.exr; do exrheader "$f" > "${f%.exr}.exrheader.txt"; done
// vray_like.exr  scanline, ZIPS, V-Ray-style attributes and channels, a cryptomatte layer with its manifest
// tiled_piz.exr  tiled (16x16, one level), PIZ, decreasing line order
// multipart.exr  two parts (beauty, depth), each with its name and type
#include <OpenEXR/ImfOutputFile.h>
#include <OpenEXR/ImfTiledOutputFile.h>
#include <OpenEXR/ImfMultiPartOutputFile.h>
#include <OpenEXR/ImfOutputPart.h>
#include <OpenEXR/ImfHeader.h>
#include <OpenEXR/ImfChannelList.h>
#include <OpenEXR/ImfFrameBuffer.h>
#include <OpenEXR/ImfStringAttribute.h>
#include <OpenEXR/ImfStringVectorAttribute.h>
#include <OpenEXR/ImfFloatAttribute.h>
#include <OpenEXR/ImfIntAttribute.h>
#include <OpenEXR/ImfMatrixAttribute.h>
#include <OpenEXR/ImfVecAttribute.h>
#include <OpenEXR/ImfChromaticitiesAttribute.h>
#include <OpenEXR/ImfStandardAttributes.h>
#include <OpenEXR/ImfPartType.h>
#include <Imath/half.h>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using namespace Imf;
using namespace Imath;

#include "cryptomatte_hash.h"

int main() {
    const int w = 16, h = 8;
    {
        Header header(Box2i(V2i(0, 0), V2i(31, 15)), Box2i(V2i(4, 2), V2i(4 + w - 1, 2 + h - 1)), 1.0f, V2f(0, 0), 1.0f, INCREASING_Y, ZIPS_COMPRESSION);
        for (const char* c : {"R", "G", "B", "A", "normals.X", "normals.Y", "normals.Z", "segmentation.hair"}) header.channels().insert(c, Channel(HALF));
        for (const char* c : {"Z", "cryptomatte00.R", "cryptomatte00.G", "cryptomatte00.B", "cryptomatte00.A"}) header.channels().insert(c, Channel(FLOAT));
        header.channels().insert("objectId", Channel(UINT));
        header.insert("vrayInfo/vraycore", StringAttribute("4.30.03"));
        header.insert("vrayInfo/renderTime", StringAttribute("0h  1m 12.3s"));
        header.insert("vrayChannelInfo", StringAttribute("{\"normals\":{\"type\":\"normal\",\"space\":\"camera\"}}"));
        header.insert("cameraFocalLength", FloatAttribute(35.0f));
        header.insert("cameraFov", FloatAttribute(54.43f));
        header.insert("cameraNearClip", FloatAttribute(0.01f));
        header.insert("cameraFarClip", FloatAttribute(100.0f));
        header.insert("zmin", FloatAttribute(0.0f));
        header.insert("zmax", FloatAttribute(100.0f));
        header.insert("renderPasses", StringVectorAttribute({"beauty", "Z", "normals", "cryptomatte"}));
        header.insert("samples", IntAttribute(64));
        M44f worldToCamera; worldToCamera.makeIdentity(); worldToCamera[3][2] = -1.5f;
        header.insert("worldToCamera", M44fAttribute(worldToCamera));
        header.insert("cameraPosition", V3fAttribute(V3f(0.0f, 1.6f, 1.5f)));
        addChromaticities(header, Chromaticities());
        addOwner(header, "Codec test fixture");
        std::string id = hex(mm3("CryptoObject")).substr(0, 7);
        std::string manifest = "{";
        const char* names[] = {"head", "hair", "body", "background"};
        for (int i = 0; i < 4; i++) manifest += std::string(i ? "," : "") + "\"" + names[i] + "\":\"" + hex(mm3(names[i])) + "\"";
        manifest += "}";
        header.insert("cryptomatte/" + id + "/name", StringAttribute("CryptoObject"));
        header.insert("cryptomatte/" + id + "/hash", StringAttribute("MurmurHash3_32"));
        header.insert("cryptomatte/" + id + "/conversion", StringAttribute("uint32_to_float32"));
        header.insert("cryptomatte/" + id + "/manifest", StringAttribute(manifest));

        std::vector<half> halves(w * h, half(0.5f));
        std::vector<float> floats(w * h, 1.25f);
        std::vector<unsigned> ids(w * h, 7u);
        FrameBuffer fb;
        const int dx = 4, dy = 2; // the data window's origin
        for (auto it = header.channels().begin(); it != header.channels().end(); ++it) {
            PixelType t = it.channel().type;
            char* base = t == HALF ? reinterpret_cast<char*>(halves.data()) : t == FLOAT ? reinterpret_cast<char*>(floats.data()) : reinterpret_cast<char*>(ids.data());
            size_t size = t == HALF ? sizeof(half) : 4;
            fb.insert(it.name(), Slice(t, base - (dx + dy * w) * size, size, size * w));
        }
        OutputFile file("vray_like.exr", header);
        file.setFrameBuffer(fb);
        file.writePixels(h);
    }
    {
        Header header(w, h, 1.0f, V2f(0, 0), 1.0f, DECREASING_Y, PIZ_COMPRESSION);
        header.channels().insert("Y", Channel(HALF));
        header.setTileDescription(TileDescription(16, 16, ONE_LEVEL));
        std::vector<half> y(w * h, half(0.25f));
        FrameBuffer fb;
        fb.insert("Y", Slice(HALF, reinterpret_cast<char*>(y.data()), sizeof(half), sizeof(half) * w));
        TiledOutputFile file("tiled_piz.exr", header);
        file.setFrameBuffer(fb);
        file.writeTiles(0, file.numXTiles() - 1, 0, file.numYTiles() - 1);
    }
    {
        std::vector<Header> headers(2, Header(w, h));
        headers[0].setName("beauty");
        headers[0].setType(SCANLINEIMAGE);
        headers[0].compression() = ZIP_COMPRESSION;
        for (const char* c : {"R", "G", "B"}) headers[0].channels().insert(c, Channel(HALF));
        headers[1].setName("depth");
        headers[1].setType(SCANLINEIMAGE);
        headers[1].channels().insert("Z", Channel(FLOAT));
        MultiPartOutputFile file("multipart.exr", headers.data(), 2);
        std::vector<half> rgb(w * h, half(0.75f));
        std::vector<float> z(w * h, 2.0f);
        {
            OutputPart part(file, 0);
            FrameBuffer fb;
            for (const char* c : {"R", "G", "B"}) fb.insert(c, Slice(HALF, reinterpret_cast<char*>(rgb.data()), sizeof(half), sizeof(half) * w));
            part.setFrameBuffer(fb);
            part.writePixels(h);
        }
        {
            OutputPart part(file, 1);
            FrameBuffer fb;
            fb.insert("Z", Slice(FLOAT, reinterpret_cast<char*>(z.data()), sizeof(float), sizeof(float) * w));
            part.setFrameBuffer(fb);
            part.writePixels(h);
        }
    }
    std::printf("mm3(bunny)=%s mm3(default)=%s\n", hex(mm3("bunny")).c_str(), hex(mm3("default")).c_str());
    return 0;
}
