// The simdjson peer of the metadata.jsonl scenario: every line of a JSON Lines file parsed by simdjson's DOM parser
// (parse_many, one core), what a fast C++ consumer of the file would do. Prints how many documents it parsed and the
// CPU seconds of parsing alone (reading the file into memory not counted), as "parse_seconds=S".
//
//   g++ -O2 -std=c++17 simdjson_peer.cpp -lsimdjson -o simdjson_peer && ./simdjson_peer metadata.jsonl
#include <ctime>
#include <iostream>
#include <simdjson.h>

int main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: simdjson_peer FILE.jsonl" << std::endl;
        return 2;
    }

    simdjson::dom::parser parser;
    simdjson::padded_string text;
    if (auto error = simdjson::padded_string::load(argv[1]).get(text))
    {
        std::cerr << argv[1] << ": " << error << std::endl;
        return 1;
    }

    std::clock_t start = std::clock();
    simdjson::dom::document_stream documents;
    if (auto error = parser.parse_many(text, 1 << 20).get(documents))
    {
        std::cerr << argv[1] << ": " << error << std::endl;
        return 1;
    }

    size_t count = 0;
    for (auto document : documents)
    {
        if (document.error())
        {
            std::cerr << argv[1] << ": " << document.error() << " after " << count << " documents" << std::endl;
            return 1;
        }

        count++;
    }

    double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    std::cout << count << " documents, parse_seconds=" << seconds << std::endl;
    return 0;
}
