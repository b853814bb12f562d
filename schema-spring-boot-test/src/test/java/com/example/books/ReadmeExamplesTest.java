package com.example.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's and the docs' code blocks marked {@code <!-- file: path -->} are the files
 * of this build, so that every example a reader copies compiles and is tested.
 */
class ReadmeExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern MARKED = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void everyMarkedBlockIsTheFileItNames() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).forEach(pages::add);
        }
        int checked = 0;
        for (Path page : pages) {
            Matcher block = MARKED.matcher(Files.readString(page));
            while (block.find()) {
                Path file = ROOT.resolve(block.group(1));
                assertThat(file).as("the file a block of %s names", page).isRegularFile();
                assertThat(block.group(2)).as("the block of %s in %s", block.group(1), page)
                    .isEqualTo(Files.readString(file).stripTrailing());
                checked++;
            }
        }
        assertThat(checked).as("marked blocks in the README").isGreaterThanOrEqualTo(5);
    }

}
