fn main() {
    kerze::start();
}
